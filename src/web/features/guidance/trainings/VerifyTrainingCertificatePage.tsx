import { Card, Descriptions, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { CertificateCheck } from '../../../components/CertificateCheck';
import type { TrainingVerification } from './api';
import { issuedDate } from './labels';
import { useTrainingVerification } from './queries';

/** The public check of a training certificate (培训合格证书): whether it holds, and for whom (name masked). */
export default function VerifyTrainingCertificatePage() {
  return (
    <CertificateCheck texts="verifyTrainingCertificate." pathname="/verify/training-certificates" useCheck={useTrainingVerification}>
      {(v) => <Outcome verification={v} />}
    </CertificateCheck>
  );
}

function Outcome({ verification: v }: { verification: TrainingVerification }) {
  const { t } = useTranslation();
  return (
    <Card data-testid="verification" data-status={v.status}>
      <Result
        status={v.status === 'valid' ? 'success' : 'error'}
        title={<span data-testid="verification-status">{t(`verifyTrainingCertificate.status.${v.status}`)}</span>}
        subTitle={t(`verifyTrainingCertificate.explain.${v.status}`)}
        style={{ padding: '16px 0' }}
      />
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          { key: 'number', label: t('verifyTrainingCertificate.number'), children: v.number },
          { key: 'holder', label: t('verifyTrainingCertificate.holder'), children: <span data-testid="holder">{v.holderName}</span> },
          { key: 'institution', label: t('verifyTrainingCertificate.institution'), children: v.institutionName },
          { key: 'training', label: t('verifyTrainingCertificate.training'), children: v.trainingTitle },
          { key: 'hours', label: t('verifyTrainingCertificate.hours'), children: v.hours },
          { key: 'issued', label: t('verifyTrainingCertificate.issuedOn'), children: v.issuedOn },
          { key: 'checked', label: t('verifyTrainingCertificate.checkedAt'), children: issuedDate(v.checkedAt) },
        ]}
      />
    </Card>
  );
}
