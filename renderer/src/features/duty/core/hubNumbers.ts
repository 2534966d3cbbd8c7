// 派车 numbers with several PCs (sync/seqNumbering.ts): with sync on an application for a car is
// saved 待编号 and takes its 派车〔year〕n号 from the hub.
import type { VehicleTrip } from '../../../db/schema/supervision';
import { seqNumbering } from '../../../sync/seqNumbering';

import { tripNumber } from './vehicles';

export const vehicleTripNumbering = seqNumbering<VehicleTrip>({
  table: 'vehicleTrips',
  what: '派车单编号',
  series: 'vehicle',
  fields: (r, seq) => ({ number: tripNumber(r.year, seq) }),
});
