// What the trip screens share: a trip status's colour and the vehicles as a live list.
import { useLiveQuery } from 'dexie-react-hooks';

import type { Vehicle, VehicleTrip } from '../../../db/schema/supervision';
import { listVehicles } from '../core/vehicles';

export const STATUS_COLOR: Record<VehicleTrip['status'], string> = {
  pending: 'blue',
  approved: 'teal',
  rejected: 'red',
  withdrawn: 'gray',
  out: 'orange',
  returned: 'green',
};

export function useVehicles(): Vehicle[] {
  return useLiveQuery(listVehicles, [], []);
}
