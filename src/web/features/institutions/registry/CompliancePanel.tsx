import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ComplianceProblem } from '../api';
import { type Named, problemText } from './format';

type Props = { problems: ComplianceProblem[]; checkedOn: string; named: Named };

/** The computed compliance problems, each in words: they are what a director fixes and an official acts on. */
export function CompliancePanel({ problems, checkedOn, named }: Props) {
  const { t } = useTranslation();
  if (problems.length === 0) {
    return <Alert type="success" showIcon title={t('registry.noProblems', { date: checkedOn })} />;
  }
  return (
    <Alert
      type="error"
      showIcon
      data-testid="compliance-problems"
      title={t('registry.problemsFound', { count: problems.length, date: checkedOn })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {problems.map((p) => (
            // A problem is one code about one class, staff member or class type at most.
            <li key={[p.code, p.classId, p.staffId, p.classType].join('/')}>{problemText(t, p, named)}</li>
          ))}
        </ul>
      }
    />
  );
}
