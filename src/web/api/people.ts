import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DutyRole } from '../../shared/roles';
import { apiDownload, apiGet, apiSend, apiUpload } from '../app/api-client';

export interface Person {
  id: string;
  name: string;
  unitId: string;
  unitName: string;
  position: string | null;
  isPolice: boolean;
  /** Null when the caller may not see phone numbers (see `phonesVisible`). */
  mobilePhone: string | null;
  officePhone: string | null;
  phonesVisible: boolean;
  dutyRoles: DutyRole[];
  active: boolean;
  /** The person appears on a published roster, so the record can be deactivated but not deleted. */
  hasServedDuty: boolean;
}

export interface PersonInput {
  name: string;
  unitId: string;
  position?: string | null;
  isPolice: boolean;
  mobilePhone?: string | null;
  officePhone?: string | null;
  dutyRoles: DutyRole[];
}

export interface PeopleFilter {
  q?: string;
  unitId?: string;
  dutyRole?: DutyRole;
  active?: boolean;
  /** Ask for phone numbers; the server returns them only to roles that may read them, and audits the read. */
  withPhones?: boolean;
  page: number;
  pageSize: number;
}

export interface PeoplePage {
  people: Person[];
  total: number;
  page: number;
  pageSize: number;
}

/** A problem in an uploaded import file, from `details.rows` of IMPORT_FAILED. */
export interface ImportRowProblem {
  row: number;
  field: string;
  message: string;
}

export const peopleQueryKey = ['people'] as const;

export function usePeople(filter: PeopleFilter, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...peopleQueryKey, filter],
    queryFn: () =>
      apiGet<PeoplePage>('/api/people', {
        q: filter.q,
        unitId: filter.unitId,
        dutyRole: filter.dutyRole,
        active: filter.active === undefined ? undefined : String(filter.active),
        withPhones: filter.withPhones ? 'true' : undefined,
        page: filter.page,
        pageSize: filter.pageSize,
      }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

function usePeopleMutation<T, R>(mutationFn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: peopleQueryKey });
      // Units show their liaison's name, which follows the person record.
      await queryClient.invalidateQueries({ queryKey: ['units'] });
    },
  });
}

export function useSavePerson() {
  return usePeopleMutation(({ id, input }: { id: string | null; input: PersonInput }) =>
    id
      ? apiSend<{ person: Person }>('PATCH', `/api/people/${encodeURIComponent(id)}`, input)
      : apiSend<{ person: Person }>('POST', '/api/people', input),
  );
}

export function useSetPersonActive() {
  return usePeopleMutation(({ id, active }: { id: string; active: boolean }) =>
    apiSend<unknown>('POST', `/api/people/${encodeURIComponent(id)}/${active ? 'reactivate' : 'deactivate'}`),
  );
}

export function useImportPeople() {
  return usePeopleMutation((file: File) => apiUpload<{ imported: number }>('/api/people/import', 'file', file));
}

export function downloadImportTemplate(): Promise<void> {
  return apiDownload('/api/people/import-template', '人员导入模板.xlsx');
}
