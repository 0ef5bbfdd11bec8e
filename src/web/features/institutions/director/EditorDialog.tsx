import { useMutation } from '@tanstack/react-query';
import { Form, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showFieldErrors } from '../../../components/showFieldErrors';
import { FormError } from './FormError';
import { useSaved } from './useDirectorSave';

type Props<V> = {
  institutionId: string;
  title: string;
  /** The form's name, which prefixes its fields' ids. */
  name: string;
  initialValues: Partial<V>;
  /** Server field (first segment of the error's path) → the form field that shows its message. */
  fields: Record<string, string>;
  submit: (values: V) => Promise<unknown>;
  onClose: () => void;
  children: ReactNode;
};

/** A dialog that changes one part of the director's record: the server's field errors show at their fields. */
export function EditorDialog<V extends object>({ institutionId, title, name, initialValues, fields, submit, onClose, children }: Props<V>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<V>();
  const [formError, setFormError] = useState<string[]>([]);
  const saved = useSaved(institutionId);
  const save = useMutation({
    mutationFn: submit,
    onMutate: () => setFormError([]),
    onSuccess: async () => {
      onClose();
      await saved();
    },
    onError: (e) => setFormError(showFieldErrors(form, e, fields)),
  });
  return (
    <Modal
      open
      title={title}
      okText={t('institutions.director.save')}
      cancelText={t('institutions.director.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <FormError messages={formError} />
      <Form form={form} name={name} layout="vertical" aria-label={title} initialValues={initialValues} onFinish={(v) => save.mutate(v)}>
        {children}
      </Form>
    </Modal>
  );
}
