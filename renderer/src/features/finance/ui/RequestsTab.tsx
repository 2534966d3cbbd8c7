// 申报单 (FIN-6): 添置办公用品申报单 (分管领导 and 主要领导) and 印制文件申报单 (分管领导 or 主要领导),
// approved before the spending they allow; each printable with its approval chain.
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { can } from '../../../../../shared/permissions';
import {
  formatYuan,
  printingRequestRoute,
  rmbUppercase,
  ruleText,
  supplyRequestRoute,
} from '../../../../../shared/rules';
import { href, navigate } from '../../../app/router';
import { ApprovalChain, DecideForm } from '../../../approvals/ApprovalPanel';
import { approvalFor } from '../../../approvals/engine';
import type { ApprovalRequest } from '../../../approvals/types';
import { currentActor, useSession } from '../../../auth/session';
import { ConfirmButton } from '../../../components/Confirm';
import { thisYear as currentYear } from '../../../components/dates';
import { FormCard } from '../../../components/FormCard';
import { notifyError, notifyOk } from '../../../components/notify';
import { PrintView } from '../../../components/PrintView';
import { useFieldErrors } from '../../../components/useFieldErrors';
import { typedFen } from '../../../components/Yuan';
import type { RequestKind, SpendRequest } from '../../../db/schema/finance';
import { parseYuan } from '../../../db/validate';
import { useSections, useStaffBook as useStaff } from '../../../org/hooks';
import { staffRecord } from '../core/queries';
import {
  getRequest,
  listRequests,
  markRequestPrinted,
  submitSpendRequest,
  withdrawSpendRequest,
} from '../core/requests';
import { L, REQUEST_KIND_LABELS, REQUEST_STATUS_LABELS } from '../labels';

import { usePrintUnit } from './ExpensePrint';

const STATUS_COLOR: Record<SpendRequest['status'], string> = {
  pending: 'blue',
  approved: 'green',
  rejected: 'red',
  withdrawn: 'gray',
};

export function RequestsTab({ id }: { id?: string }) {
  const user = useSession((s) => s.user)!;
  const seeAll =
    can(user.roles, 'finance.manage') || user.roles.some((r) => ['director', 'deputy', 'office'].includes(r));
  const { name } = useStaff();
  const year = currentYear();
  const rows = useLiveQuery(
    () => listRequests(year, seeAll ? null : user.staffId),
    [year, seeAll, user.staffId],
  );
  if (id === 'new') return <RequestForm />;
  if (id) return <RequestDetail id={id} />;
  return (
    <Stack>
      <Group>
        <Text size="sm" c="dimmed" mr="auto">
          FIN-6 {ruleText('FIN-6').text}
        </Text>
        <Button onClick={() => navigate('finance', 'requests', 'new')}>填写申报单</Button>
      </Group>
      {rows && rows.length === 0 ? (
        <Text c="dimmed">没有申报单。</Text>
      ) : (
        <Table striped highlightOnHover fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>编号</Table.Th>
              <Table.Th>类型</Table.Th>
              <Table.Th>事由</Table.Th>
              <Table.Th>申报人</Table.Th>
              <Table.Th>申报日期</Table.Th>
              <Table.Th ta="right">预算（元）</Table.Th>
              <Table.Th>状态</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(rows ?? []).map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Anchor href={href('finance', 'requests', r.id)} size="sm">
                    {r.number}
                  </Anchor>
                </Table.Td>
                <Table.Td>{REQUEST_KIND_LABELS[r.kind]}</Table.Td>
                <Table.Td>{r.title}</Table.Td>
                <Table.Td>{name(r.applicantId)}</Table.Td>
                <Table.Td>{r.requestedOn}</Table.Td>
                <Table.Td ta="right">{formatYuan(r.estimatedFen)}</Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLOR[r.status]}>{REQUEST_STATUS_LABELS[r.status]}</Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

type ItemLine = { name: string; quantity: string; unit: string; est: string };

function RequestForm() {
  const [kind, setKind] = useState<RequestKind>('supply');
  const [title, setTitle] = useState('');
  const [reason, setReason] = useState('');
  const [printer, setPrinter] = useState('');
  const [level, setLevel] = useState<'deputy' | 'director'>('deputy');
  const [items, setItems] = useState<ItemLine[]>([{ name: '', quantity: '1', unit: '', est: '' }]);
  const { errors, fail, clear } = useFieldErrors({ notifyFieldErrors: 'with_rule' });
  const typed = items.map((i) => typedFen(i.est));
  const total = typed.every((f) => f !== null) ? typed.reduce<number>((n, f) => n + (f ?? 0), 0) : null;
  const setItem = (i: number, p: Partial<ItemLine>) =>
    setItems(items.map((x, j) => (j === i ? { ...x, ...p } : x)));
  const route = kind === 'supply' ? supplyRequestRoute() : printingRequestRoute();
  async function save() {
    clear();
    const r = await submitSpendRequest(
      {
        kind,
        title,
        reason,
        printer,
        approverLevel: level,
        items: items.map((it, i) => ({
          name: it.name,
          quantity: Number(it.quantity),
          unit: it.unit.trim(),
          estFen: parseYuan(it.est, `items.${i}.est`, '预算金额', true),
        })),
      },
      currentActor(),
    );
    notifyOk(`已提交 ${r.number}`);
    navigate('finance', 'requests', r.id);
  }
  return (
    <FormCard
      maw={860}
      title="填写申报单"
      submitLabel={L.submitRequest}
      showBusy
      footer={
        <Button variant="default" onClick={() => navigate('finance', 'requests')}>
          取消
        </Button>
      }
      gap="md"
      titleOrder={4}
      onSubmit={save}
      onError={(e) => fail(e, 'title')}
    >
      <Group grow align="flex-start">
        <NativeSelect
          label={L.requestKind}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as RequestKind)}
          data={[
            { value: 'supply', label: REQUEST_KIND_LABELS.supply },
            { value: 'printing', label: REQUEST_KIND_LABELS.printing },
          ]}
        />
        {kind === 'printing' && (
          <NativeSelect
            label={L.approverLevel}
            value={level}
            onChange={(e) => setLevel(e.currentTarget.value as 'deputy' | 'director')}
            data={[
              { value: 'deputy', label: '分管领导' },
              { value: 'director', label: '主要领导（局长）' },
            ]}
          />
        )}
      </Group>
      <Alert color="blue" variant="light">
        《{route.formName}》须经{route.require === 'all' ? '分管领导和主要领导' : '分管领导或主要领导'}
        批准后方可开支，否则费用自理（FIN-6）。
      </Alert>
      <TextInput
        label={kind === 'supply' ? L.requestTitle : '文件名称'}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        error={errors.title}
        required
        autoFocus
      />
      <Textarea
        label={L.requestReason}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={errors.reason}
        autosize
        minRows={2}
        required
      />
      {kind === 'printing' && (
        <TextInput
          label={L.printer}
          value={printer}
          onChange={(e) => setPrinter(e.currentTarget.value)}
          error={errors.printer}
          required
        />
      )}
      {items.map((it, i) => (
        <Group key={i} align="flex-start" wrap="nowrap">
          <TextInput
            label={i === 0 ? L.itemName : `${L.itemName}（第${i + 1}项）`}
            value={it.name}
            onChange={(e) => setItem(i, { name: e.currentTarget.value })}
            error={errors[`items.${i}.name`]}
            w={240}
          />
          <TextInput
            label={i === 0 ? L.itemQty : `${L.itemQty}（第${i + 1}项）`}
            value={it.quantity}
            onChange={(e) => setItem(i, { quantity: e.currentTarget.value })}
            error={errors[`items.${i}.quantity`]}
            w={100}
          />
          <TextInput
            label={i === 0 ? L.itemUnit : `${L.itemUnit}（第${i + 1}项）`}
            value={it.unit}
            onChange={(e) => setItem(i, { unit: e.currentTarget.value })}
            w={90}
          />
          <TextInput
            label={i === 0 ? L.itemEst : `${L.itemEst}（第${i + 1}项）`}
            value={it.est}
            onChange={(e) => setItem(i, { est: e.currentTarget.value })}
            error={errors[`items.${i}.est`]}
            w={150}
          />
          {items.length > 1 && (
            <ActionIcon
              mt={28}
              variant="subtle"
              color="red"
              aria-label={`删除第${i + 1}项`}
              onClick={() => setItems(items.filter((_, j) => j !== i))}
            >
              <IconTrash size={16} />
            </ActionIcon>
          )}
        </Group>
      ))}
      {errors.items && (
        <Text c="red" size="sm">
          {errors.items}
        </Text>
      )}
      <Group>
        <Button
          variant="light"
          size="xs"
          onClick={() => setItems([...items, { name: '', quantity: '1', unit: '', est: '' }])}
        >
          添加一项
        </Button>
        {total !== null && (
          <Text size="sm">
            预算合计 ¥{formatYuan(total)}（{rmbUppercase(total)}）
          </Text>
        )}
      </Group>
      {errors.route && (
        <Text c="red" size="sm">
          {errors.route}
        </Text>
      )}
    </FormCard>
  );
}

function RequestDetail({ id }: { id: string }) {
  const user = useSession((s) => s.user)!;
  const r = useLiveQuery(() => getRequest(id), [id]);
  const req = useLiveQuery(() => approvalFor('spendRequests', id), [id]);
  const [print, setPrint] = useState(false);
  const { name } = useStaff();
  if (r === undefined) return <Text c="dimmed">正在读取…</Text>;
  if (!r) return <Alert color="red">申报单不存在。</Alert>;
  const step = req?.status === 'pending' ? req.steps[req.currentStep] : undefined;
  return (
    <Stack>
      <Anchor href={href('finance', 'requests')}>← 返回申报单列表</Anchor>
      <Card withBorder>
        <Group justify="space-between">
          <Title order={4}>
            {REQUEST_KIND_LABELS[r.kind]} {r.number}
          </Title>
          <Badge size="lg" color={STATUS_COLOR[r.status]}>
            {REQUEST_STATUS_LABELS[r.status]}
          </Badge>
        </Group>
        <Text size="sm" mt="xs">
          申报人：{name(r.applicantId)} · 申报日期：{r.requestedOn}
          {r.approvedOn ? ` · 批准日期：${r.approvedOn}` : ''}
        </Text>
        <Text size="sm">事由：{r.title}</Text>
        <Text size="sm">理由：{r.reason}</Text>
        {r.printer && <Text size="sm">印制单位：{r.printer}</Text>}
        <Text size="sm">
          预算合计：¥{formatYuan(r.estimatedFen)}（{rmbUppercase(r.estimatedFen)}）
        </Text>
      </Card>
      {req && (
        <Card withBorder>
          <ApprovalChain req={req} />
          {step?.approverId === user.staffId && (
            <Card withBorder mt="sm">
              <DecideForm req={req} />
            </Card>
          )}
        </Card>
      )}
      <Group>
        {r.status === 'pending' && r.applicantId === user.staffId && (
          <ConfirmButton
            variant="default"
            title="撤回申报单"
            message="撤回后审批终止。"
            onConfirm={() => withdrawSpendRequest(r.id, currentActor()).catch(notifyError)}
          >
            撤回
          </ConfirmButton>
        )}
        <Button variant="default" onClick={() => setPrint(!print)}>
          {print ? '关闭打印预览' : `打印${REQUEST_KIND_LABELS[r.kind]}`}
        </Button>
      </Group>
      {print && <RequestPrint r={r} req={req} applicant={name(r.applicantId)} />}
    </Stack>
  );
}

function RequestPrint({ r, req, applicant }: { r: SpendRequest; req?: ApprovalRequest; applicant: string }) {
  const unit = usePrintUnit();
  const sections = useSections();
  const applicantSection = useLiveQuery(() => staffRecord(r.applicantId), [r.applicantId]);
  const formName = r.kind === 'supply' ? supplyRequestRoute().formName : printingRequestRoute().formName;
  const rule =
    r.kind === 'supply'
      ? '经局分管领导和局主要领导同意后由办公室和财务人员统一购置'
      : '经局分管领导或主要领导批准，否则费用自理';
  return (
    <PrintView
      title={`${formName} ${r.number}`}
      size="A4"
      onPrinted={() => markRequestPrinted(r.id, currentActor())}
    >
      <div style={{ textAlign: 'center', fontSize: 22, fontWeight: 700 }}>
        {unit}
        {formName}
      </div>
      <div style={{ display: 'flex', justifyContent: 'space-between', margin: '8px 0', fontSize: 14 }}>
        <span>编号：{r.number}</span>
        <span>申报日期：{r.requestedOn}</span>
      </div>
      <table className="form-table">
        <tbody>
          <tr>
            <th style={{ width: '18%' }}>申报人</th>
            <td>{applicant}</td>
            <th style={{ width: '18%' }}>股室</th>
            <td>{applicantSection?.sectionId ? sections.get(applicantSection.sectionId) : ''}</td>
          </tr>
          <tr>
            <th>{r.kind === 'supply' ? '事由' : '文件名称'}</th>
            <td colSpan={3}>{r.title}</td>
          </tr>
          <tr>
            <th>申报理由</th>
            <td colSpan={3}>{r.reason}</td>
          </tr>
          {r.printer && (
            <tr>
              <th>印制单位</th>
              <td colSpan={3}>{r.printer}</td>
            </tr>
          )}
        </tbody>
      </table>
      <table className="form-table" style={{ marginTop: 8 }}>
        <thead>
          <tr>
            <th>序号</th>
            <th>{r.kind === 'supply' ? '品名' : '印制内容'}</th>
            <th>数量</th>
            <th>单位</th>
            <th>预算金额（元）</th>
          </tr>
        </thead>
        <tbody>
          {r.items.map((it, i) => (
            <tr key={i}>
              <td>{i + 1}</td>
              <td>{it.name}</td>
              <td>{it.quantity}</td>
              <td>{it.unit}</td>
              <td>{formatYuan(it.estFen)}</td>
            </tr>
          ))}
          <tr>
            <th colSpan={4}>合计（人民币大写：{rmbUppercase(r.estimatedFen)}）</th>
            <td>{formatYuan(r.estimatedFen)}</td>
          </tr>
        </tbody>
      </table>
      <table className="form-table" style={{ marginTop: 8 }}>
        <thead>
          <tr>
            <th>审批环节</th>
            <th>审批人</th>
            <th>意见</th>
            <th>日期</th>
            <th>签字</th>
          </tr>
        </thead>
        <tbody>
          {(req?.steps ?? []).map((s, i) => (
            <tr key={i}>
              <td>{s.label}</td>
              <td>{s.decidedByName ?? s.approverName}</td>
              <td>
                {s.decision
                  ? (s.decision === 'approved' ? '同意' : '退回') + (s.comment ? `：${s.comment}` : '')
                  : ''}
              </td>
              <td>{s.decidedAt?.slice(0, 10) ?? ''}</td>
              <td>
                <span className="sign-line" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div style={{ marginTop: 12, fontSize: 12 }}>
        FIN-6：{ruleText('FIN-6').text}（制度 九、{rule}）
      </div>
      <div style={{ marginTop: 24, display: 'flex', justifyContent: 'space-between', fontSize: 14 }}>
        <span>
          申报人签字：
          <span className="sign-line" />
        </span>
        <span>
          办公室经办：
          <span className="sign-line" />
        </span>
      </div>
    </PrintView>
  );
}
