import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';
import { todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import { staffResidentIdProblem } from '../../../../domain/institutions/staffIdentity.ts';
import type { StaffRole } from '../../../../domain/institutions/vocabulary.ts';

/**
 * The staff form's 身份证号 check, by the server's own rule (`staffResidentIdProblem`): required
 * for a new caregiver, director or health worker; a blank field in the editor leaves the number
 * as it is, so it is never required there.
 */
export function residentIdRule(t: TFunction, required: boolean): FormRule {
  return ({ getFieldValue }) => ({
    validator(_, value: string | undefined) {
      const problem = staffResidentIdProblem(value, {
        role: getFieldValue('role') as StaffRole,
        required,
        today: todayInShanghai(new Date()),
      });
      return problem ? Promise.reject(new Error(t(`institutions.staffResidentIdProblem.${problem.split('.')[1]}`))) : Promise.resolve();
    },
  });
}
