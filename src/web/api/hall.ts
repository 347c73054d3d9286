/** The command hall screen's data (GET /api/hall/overview), section by section. */
import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../app/api-client';
import type { IncidentGrade } from './incidents';

export interface HallSection<T = unknown> {
  key: string;
  title: string;
  data: T | null;
  error: string | null;
}

export interface HallOverview {
  generatedAt: string;
  dutyDate: string;
  sections: HallSection[];
}

export interface DutySectionData {
  date: string;
  dayTypeLabel: string;
  dutyLevelLabel: string;
  name: string | null;
  published: boolean;
  commander: { personId: string; name: string } | null;
  shiftLeader: { personId: string; name: string } | null;
  officers: { personId: string; name: string }[];
  seats: { seatName: string; people: string[]; onSeat: boolean }[];
  /** True until the new shift confirms the handover; the previous shift stays responsible meanwhile. */
  awaitingHandover: boolean;
  responsible: { date: string; shiftLeader: { personId: string; name: string } | null; officers: { personId: string; name: string }[] };
  /** Duty staff signed in at the center now. */
  onPost: { name: string; postLabel: string }[];
}

export interface ReportsSectionData {
  date: string;
  deadline: string;
  overdue: boolean;
  summary: { total: number; submitted: number; missing: number; late: number };
  units: { unitId: string; unitName: string; status: 'reported' | 'zero' | 'missing' | 'late'; submittedAt: string | null; overdue: boolean }[];
}

export interface IncidentsSectionData {
  total: number;
  items: {
    id: string;
    title: string;
    unitName: string;
    grade: IncidentGrade;
    gradeLabel: string;
    statusLabel: string;
    receivedAt: string;
    lateLabel: string | null;
    missingElements: string[];
    nextDeadline: { kind: string; label: string; due: string } | null;
  }[];
}

export interface DocumentsSectionData {
  total: number;
  urgent: number;
  items: { id: string; serial: string; title: string; unitName: string; urgent: boolean; notifiedAt: string; minutesWaiting: number }[];
}

export interface PatrolsSectionData {
  total: number;
  overdue: number;
  items: { id: string; unitName: string; siteName: string | null; description: string; deadline: string; overdue: boolean; status: string }[];
}

export interface RollCallWindow {
  date: string;
  startTime: string;
  endTime: string;
  start: string;
  end: string;
}

export interface DeadlinesSectionData {
  items: { kind: string; label: string; at: string; incidentId: string }[];
  rollCall: { open: RollCallWindow | null; next: RollCallWindow | null };
}

export interface WeekSectionData {
  days: { date: string; incidents: number; majorIncidents: number; reportsMissing: number; reportsLate: number }[];
}

export const hallQueryKey = ['hall', 'overview'] as const;

export function useHallOverview() {
  return useQuery({
    queryKey: hallQueryKey,
    queryFn: () => apiGet<HallOverview>('/api/hall/overview'),
    // A fallback when live events stop; events normally trigger the refetch at once.
    refetchInterval: 60_000,
    retry: true,
    retryDelay: 5_000,
  });
}

/** Returns one section's data, or null when the module is absent or failed. */
export function sectionOf<T>(overview: HallOverview | undefined, key: string): HallSection<T> | null {
  return (overview?.sections.find((section) => section.key === key) as HallSection<T> | undefined) ?? null;
}
