import { DAY_TYPE_LABELS, DUTY_LEVEL_LABELS } from '../../../domain/calendar/index.js';
import { dutyStaffOn } from '../../roster/duty-staff.js';
import { seatStaffOn } from '../../seats/seats.service.js';
import { signinBoard } from '../../duty-signin/duty-signin.service.js';
import { responsibleShift } from '../../handover/handover.service.js';
import type { HallSectionProvider } from '../sections.js';

/** Today's duty level and staff: commander, shift leader, officers and the seats' staff. */
export const dutySection: HallSectionProvider = {
  key: 'duty',
  title: '今日值班',
  async load(ctx, db, moment) {
    const staff = await dutyStaffOn(ctx, db, moment.dutyDate);
    const seats = await seatStaffOn(ctx, db, moment.dutyDate);
    // Until the new shift confirms the handover, the previous shift stays responsible.
    const responsible = await responsibleShift(ctx, db, moment.now);
    const board = await signinBoard(ctx, db, moment.dutyDate);
    return {
      awaitingHandover: responsible.awaitingHandover,
      responsible: {
        date: responsible.date,
        shiftLeader: responsible.shiftLeader,
        officers: responsible.officers,
      },
      onPost: board.staff.filter((entry) => entry.onPost).map((entry) => ({ name: entry.name, postLabel: entry.postLabel })),
      date: staff.date,
      dayType: staff.dayType,
      dayTypeLabel: DAY_TYPE_LABELS[staff.dayType],
      dutyLevel: staff.dutyLevel,
      dutyLevelLabel: DUTY_LEVEL_LABELS[staff.dutyLevel],
      name: staff.name,
      published: staff.published,
      commander: staff.commander,
      shiftLeader: staff.shiftLeader,
      officers: staff.officers,
      seats: seats.seats
        .filter((entry) => entry.standby.length > 0 || entry.occupants.length > 0)
        .map((entry) => ({
          seatName: entry.seat.name,
          people: (entry.occupants.length > 0 ? entry.occupants : entry.standby).map((person) => person.name),
          onSeat: entry.occupants.length > 0,
        })),
    };
  },
};
