// Start-up contributions of the duty and vehicles module: the dispatch approval handler (kind
// 'vehicle') and the office's to-dos for approved trips to dispatch and vehicles still out.
import { can } from '../../../../shared/permissions';
import { registerTodos } from '../../app/registry';
import type { TodoItem } from '../../app/registry';
import { href } from '../../app/router';
import { registerApprovalHandler } from '../../approvals/engine';
import { registerNumbering } from '../../sync/numbers';

import { vehicleTripNumbering } from './core/hubNumbers';
import { onVehicleFinished, tripsIn, vehicleHandlerTables } from './core/vehicles';

// several PCs: 派车 numbers from the hub (core/hubNumbers.ts)
registerNumbering(vehicleTripNumbering.numbering);
registerApprovalHandler('vehicle', { tables: vehicleHandlerTables, onFinished: onVehicleFinished });

registerTodos(async ({ user, today }) => {
  const out: TodoItem[] = [];
  if (!can(user.roles, 'duty.manage')) return out;
  for (const status of ['approved', 'out'] as const) {
    for (const t of await tripsIn(status)) {
      if (status === 'approved' && t.plannedStart > today) continue;
      out.push({
        id: t.id,
        module: 'duty',
        category: status === 'approved' ? '待出车' : '待登记回场',
        title: `${t.number} ${t.destination}`,
        due: status === 'out' ? t.plannedEnd : t.plannedStart,
        link: href('duty', 'vehicles', t.id),
      });
    }
  }
  return out;
});
