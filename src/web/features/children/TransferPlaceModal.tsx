import { useMutation } from '@tanstack/react-query';
import { Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { classTypesForAge } from '../../../domain/classes/classTypes.ts';
import { compareIso } from '../../../domain/dates/shanghai.ts';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFeedback } from '../../components/feedback';
import type { InstitutionPlace } from '../enrollment/api';
import { transferEnrollment } from '../enrollment/api';
import { today } from '../enrollment/format';
import { useRefreshPlaces } from '../enrollment/queries';
import { useInstitutionRecord } from '../institutions/queries';

/**
 * 转班: the other classes the child's age fits, as the server decides it — on the start date if
 * the place has not begun, else today — with their places left; a full class cannot be picked.
 */
export function TransferPlaceModal({
  institutionId,
  place,
  onClose,
}: {
  institutionId: string;
  place: InstitutionPlace;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const classes = useInstitutionRecord(institutionId);
  const refresh = useRefreshPlaces(institutionId);
  const onDate = compareIso(place.startDate, today()) > 0 ? place.startDate : today();
  const fits: string[] = classTypesForAge(place.birthDate, onDate);
  const options = (classes.data?.classes ?? [])
    .filter((c) => !c.archived && c.id !== place.classId && fits.includes(c.classType))
    .map((c) => ({
      value: c.id,
      label: t('enrollment.places.classOption', {
        name: c.name,
        classType: t(`enrollment.classType.${c.classType}`),
        vacancies: c.vacancies,
      }),
      disabled: c.vacancies <= 0,
    }));
  const [picked, setPicked] = useState<string | undefined>();
  const classId = picked ?? options.find((o) => !o.disabled)?.value;
  const transfer = useMutation({
    mutationFn: (to: string) => transferEnrollment(place.id, to),
    onSuccess: async (enrollment) => {
      await refresh();
      void message.success(t('enrollment.places.transferred', { name: place.childName, className: enrollment.className }));
      onClose();
    },
  });

  return (
    <Modal
      open
      title={t('enrollment.places.transferTitle', { name: place.childName })}
      okText={t('enrollment.places.confirmTransfer')}
      cancelText={t('enrollment.cancel')}
      okButtonProps={{ disabled: !classId }}
      confirmLoading={transfer.isPending}
      onOk={() => classId && transfer.mutate(classId)}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">
        {t('enrollment.places.transferLead', {
          className: place.className,
          types: fits.map((c) => t(`enrollment.classType.${c}`)).join('、') || '—',
        })}
      </Typography.Paragraph>
      <Select
        style={{ width: '100%' }}
        value={classId}
        onChange={setPicked}
        options={options}
        loading={classes.isPending}
        placeholder={t('enrollment.places.toClass')}
        notFoundContent={t('enrollment.places.noClass')}
        aria-label={t('enrollment.places.toClass')}
        data-testid="transfer-class"
      />
      <ErrorAlert error={classes.error ?? transfer.error} style={{ marginTop: 12 }} />
    </Modal>
  );
}
