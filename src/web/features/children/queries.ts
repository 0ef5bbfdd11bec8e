import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getInstitutionPlaces, getMyChildren } from '../../api/client';
import { keys } from '../enrollment/queries';

const placesKey = (institutionId: string | undefined) => ['children', 'institution', institutionId] as const;

export function useMyChildren(enabled: boolean) {
  return useQuery({ queryKey: ['children', 'mine'], queryFn: getMyChildren, enabled });
}

export function useInstitutionPlaces(institutionId: string | undefined) {
  return useQuery({
    queryKey: placesKey(institutionId),
    queryFn: () => getInstitutionPlaces(institutionId as string),
    enabled: institutionId !== undefined,
  });
}

/** A place moved or ended changes the class lists, the vacancies, the age-move list and the board. */
export function useRefreshPlaces(institutionId: string) {
  const client = useQueryClient();
  return () =>
    Promise.all(
      [placesKey(institutionId), keys.classes(institutionId), keys.ageMovesOf(institutionId), keys.board(institutionId)].map((queryKey) =>
        client.invalidateQueries({ queryKey }),
      ),
    );
}
