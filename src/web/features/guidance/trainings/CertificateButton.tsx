import { DownloadOutlined } from '@ant-design/icons';
import { Button, Descriptions, Flex, Modal, QRCode, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Certificate, certificatePdfHref } from './api';
import { issuedDate } from './labels';

/**
 * A certificate's number and, while it holds, its PDF to download; opened, its QR code (the public
 * check page with the code after `#`) and facts.
 */
export function CertificateButton({ certificate: c }: { certificate: Certificate }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" type="link" onClick={() => setOpen(true)} data-testid="certificate-button" style={{ paddingInline: 0 }}>
        {c.number}
        {c.revokedAt && (
          <Tag color="red" style={{ marginLeft: 4 }}>
            {t('trainings.certificate.revoked')}
          </Tag>
        )}
      </Button>
      {!c.revokedAt && (
        <Button
          size="small"
          icon={<DownloadOutlined />}
          href={certificatePdfHref(c.id)}
          download
          data-testid="certificate-pdf"
          aria-label={t('trainings.certificate.downloadOf', { number: c.number })}
        >
          {t('trainings.certificate.download')}
        </Button>
      )}
      <Modal open={open} onCancel={() => setOpen(false)} footer={null} title={t('trainings.certificate.title')} width={420}>
        <Flex vertical align="center" gap={12} data-testid="certificate">
          <QRCode value={c.verifyUrl} size={180} data-testid="certificate-qr" />
          <Typography.Text copyable={{ text: c.verifyUrl }} type="secondary" style={{ wordBreak: 'break-all', fontSize: 12 }}>
            {t('trainings.certificate.scan')}
          </Typography.Text>
          <Descriptions
            size="small"
            column={1}
            bordered
            style={{ width: '100%' }}
            items={[
              { key: 'number', label: t('trainings.certificate.number'), children: c.number },
              {
                key: 'code',
                label: t('trainings.certificate.code'),
                children: (
                  <span style={{ fontFamily: 'monospace' }} data-testid="certificate-code">
                    {c.codeDisplay}
                  </span>
                ),
              },
              { key: 'holder', label: t('trainings.certificate.holder'), children: c.staffName },
              { key: 'institution', label: t('trainings.certificate.institution'), children: c.institutionName },
              { key: 'training', label: t('trainings.certificate.training'), children: c.trainingTitle },
              { key: 'hours', label: t('trainings.certificate.hours'), children: c.hours },
              { key: 'issued', label: t('trainings.certificate.issuedOn'), children: issuedDate(c.issuedAt) },
              ...(c.revokedAt ? [{ key: 'revoked', label: t('trainings.certificate.revokeReason'), children: c.revokeReason ?? '' }] : []),
            ]}
          />
        </Flex>
      </Modal>
    </>
  );
}
