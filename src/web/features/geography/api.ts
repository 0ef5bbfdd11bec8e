/** Administrative divisions (行政区划) and their population figures. */
import { id, request } from '../../api/client';
import type { components, ResponseOf } from '../../api/types';

export type DivisionTree = ResponseOf<'/api/v1/divisions', 'get'>;
/** One division in the tree, with its pinyin ("hai zhou qu") and initials ("hzq") for search. */
export type DivisionNode = components['schemas']['DivisionNode'];
export type Division = ResponseOf<'/api/v1/divisions/{code}', 'get'>;
export type DivisionLevel = Division['level'];
export type Population = Division['population'][number];

export const getDivisions = () => request<DivisionTree>('GET', '/api/v1/divisions');
export const getDivision = (code: string) => request<Division>('GET', `/api/v1/divisions/${id(code)}`);
