import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../../api/client';
import {
  type Division,
  getDistrictOutlines,
  getDivision,
  getDivisions,
  getPopulationGrid,
  type ImportKind,
  type ImportResult,
  importFile,
  importPopulationGrid,
  type OutlinesImport,
  type PopulationGrid,
  putDistrictOutlines,
  putReferencePoint,
  type ReferencePointInput,
  removePopulationGrid,
} from './api';

export const keys = {
  tree: ['geography', 'divisions'] as const,
  division: (code: string | undefined) => ['geography', 'division', code] as const,
  grid: (city: string) => ['geography', 'grid', city] as const,
  outlines: ['geography', 'outlines'] as const,
};

// Divisions change a few times a year and population once a year: cache for the session.
const LONG = 10 * 60_000;

export function useDivisionTree() {
  return useQuery({ queryKey: keys.tree, queryFn: getDivisions, staleTime: LONG });
}

export function useDivision(code: string | undefined) {
  return useQuery({
    queryKey: keys.division(code),
    queryFn: () => getDivision(code as string),
    enabled: code !== undefined,
    staleTime: LONG,
    placeholderData: keepPreviousData,
  });
}

export function useSetReferencePoint(code: string) {
  const client = useQueryClient();
  return useMutation<Division, ApiError, ReferencePointInput>({
    mutationFn: (input) => putReferencePoint(code, input),
    onSuccess: (division) => client.setQueryData(keys.division(code), division),
  });
}

/** An import changes figures all over the tree: everything geographic reloads. */
export function useImportFile(kind: ImportKind) {
  const client = useQueryClient();
  return useMutation<ImportResult, ApiError, File>({
    mutationFn: (file) => importFile(kind, file),
    onSuccess: () => client.invalidateQueries({ queryKey: ['geography'] }),
  });
}

export function usePopulationGrid(city: string) {
  return useQuery({ queryKey: keys.grid(city), queryFn: () => getPopulationGrid(city), staleTime: LONG });
}

/** Importing or removing the grid changes which demand points the dashboard's accessibility may use. */
function useGridChange<Input>(city: string, change: (input: Input) => Promise<PopulationGrid>) {
  const client = useQueryClient();
  return useMutation<PopulationGrid, ApiError, Input>({
    mutationFn: change,
    onSuccess: (grid) => {
      client.setQueryData(keys.grid(city), grid);
      void client.invalidateQueries({ queryKey: ['oversight', 'access'] });
    },
  });
}

export const useImportGrid = (city: string) => useGridChange<File>(city, (file) => importPopulationGrid(city, file));
export const useRemoveGrid = (city: string) => useGridChange<void>(city, () => removePopulationGrid(city));

export const useDistrictOutlines = () => useQuery({ queryKey: keys.outlines, queryFn: getDistrictOutlines });

export function useImportOutlines(city: string) {
  const client = useQueryClient();
  return useMutation<unknown, ApiError, OutlinesImport>({
    mutationFn: (body) => putDistrictOutlines(city, body),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.outlines }),
  });
}
