import { Alert, Flex, Form, Input, InputNumber, Modal, message, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { ClassType } from '../../../../domain/classes/classTypes.ts';
import { addDaysIso, addMonthsIso } from '../../../../domain/dates/shanghai.ts';
import { DesignationKind, DesignationLevel } from '../../../../domain/institutions/vocabulary.ts';
import type { GrantInput, InstitutionRecord, YuanByType } from '../api';
import { useGrantDesignation } from '../queries';
import { yuan } from './format';

type Values = {
  kind: DesignationKind;
  level?: DesignationLevel;
  grantedOn: string;
  document: string;
  validFrom: string;
  validTo: string;
  caps?: Partial<Record<ClassType, number | null>>;
};

/** A starting point for the agreement period only: the official enters the dates the agreement states. */
const AGREEMENT_MONTHS = 36;

type Props = { record: InstitutionRecord; open: boolean; onClose: () => void };

/** The city grants a designation: inclusive with price caps per class type and an agreement period, or a pilot or demonstration at a level. */
export function GrantDesignationModal({ record, open, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const grant = useGrantDesignation(record.id);
  const today = record.compliance.checkedOn;
  const hasInclusive = record.designations.some((d) => d.kind === 'inclusive' && d.current);
  // Caps matter for the class types the institution offers; with no classes yet, any type may be capped.
  const offered = ClassType.filter(
    (c) => record.classes.some((k) => k.classType === c && !k.archived) || record.facts.monthlyFeeYuan[c] !== undefined,
  );
  const cappable = offered.length > 0 ? offered : ClassType;

  const close = () => {
    grant.reset();
    onClose();
  };

  const submit = (v: Values) => {
    let input: GrantInput;
    if (v.kind === 'inclusive') {
      const caps: YuanByType = Object.fromEntries(cappable.flatMap((c) => (typeof v.caps?.[c] === 'number' ? [[c, v.caps[c]]] : [])));
      if (Object.keys(caps).length === 0) {
        form.setFields([{ name: ['caps', cappable[0] as ClassType], errors: [t('registry.capRequired')] }]);
        return;
      }
      input = {
        kind: 'inclusive',
        grantedOn: v.grantedOn,
        document: v.document.trim(),
        validFrom: v.validFrom,
        validTo: v.validTo,
        priceCapsYuan: caps,
      };
    } else {
      input = {
        kind: v.kind,
        level: v.level as DesignationLevel,
        grantedOn: v.grantedOn,
        document: v.document.trim(),
        validFrom: v.grantedOn,
      };
    }
    grant.mutate(input, {
      onSuccess: () => {
        void message.success(t('registry.granted'));
        form.resetFields();
        close();
      },
    });
  };

  const required = { required: true, message: t('institutions.required') };
  return (
    <Modal
      open={open}
      title={t('registry.grantTitle', { name: record.facts.name })}
      okText={t('registry.grant')}
      confirmLoading={grant.isPending}
      onOk={() => form.submit()}
      onCancel={close}
      width={560}
      forceRender
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          kind: hasInclusive ? 'pilot' : 'inclusive',
          grantedOn: today,
          validFrom: today,
          validTo: addDaysIso(addMonthsIso(today, AGREEMENT_MONTHS), -1),
        }}
      >
        <Form.Item name="kind" label={t('registry.designationKind')} rules={[required]}>
          <Radio.Group
            optionType="button"
            options={DesignationKind.map((k) => ({ value: k, label: t(`institutions.designation.${k}`) }))}
          />
        </Form.Item>
        {kind !== 'inclusive' && (
          <Form.Item name="level" label={t('registry.level')} rules={[required]}>
            <Radio.Group options={DesignationLevel.map((l) => ({ value: l, label: t(`institutions.level.${l}`) }))} />
          </Form.Item>
        )}
        <Flex gap={12}>
          <Form.Item name="grantedOn" label={t('registry.grantedOn')} rules={[required]} style={{ flex: 1 }}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="document" label={t('registry.document')} rules={[required, { max: 200 }]} style={{ flex: 2 }}>
            <Input placeholder={t('registry.documentHint')} />
          </Form.Item>
        </Flex>
        {kind === 'inclusive' && (
          <>
            <Flex gap={12}>
              <Form.Item name="validFrom" label={t('registry.agreementFrom')} rules={[required]} style={{ flex: 1 }}>
                <Input type="date" />
              </Form.Item>
              <Form.Item
                name="validTo"
                label={t('registry.agreementTo')}
                dependencies={['validFrom']}
                style={{ flex: 1 }}
                rules={[
                  required,
                  ({ getFieldValue }) => ({
                    validator: (_, value?: string) =>
                      !value || value >= getFieldValue('validFrom')
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('registry.periodOrder'))),
                  }),
                ]}
              >
                <Input type="date" />
              </Form.Item>
            </Flex>
            <Flex gap={12} wrap>
              {cappable.map((c) => (
                <Form.Item
                  key={c}
                  name={['caps', c]}
                  label={t('registry.capFor', { type: t(`institutions.classType.${c}`) })}
                  extra={
                    record.facts.monthlyFeeYuan[c] !== undefined && t('registry.currentFee', { fee: yuan(record.facts.monthlyFeeYuan[c]) })
                  }
                  style={{ flex: '1 1 150px' }}
                >
                  <InputNumber min={0} max={1_000_000} precision={2} suffix={t('registry.yuanPerMonth')} style={{ width: '100%' }} />
                </Form.Item>
              ))}
            </Flex>
          </>
        )}
      </Form>
      {grant.error && <Alert type="error" showIcon title={grant.error.message} />}
    </Modal>
  );
}
