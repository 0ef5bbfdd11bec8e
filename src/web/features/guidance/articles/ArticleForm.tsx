import type { JSONContent } from '@tiptap/react';
import { Alert, Button, Form, Input, Select } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showFieldErrors } from '../../../components/showFieldErrors';
import { ArticleEditor } from './ArticleEditor';
import { ARTICLE_CATEGORIES, type Article, type ArticleInput } from './api';

type Values = Omit<ArticleInput, 'content'>;
const FIELDS = { title: 'title', slug: 'slug', category: 'category', summary: 'summary' };

/** Title, address, category, summary and the content; the server's refusals show at their fields. */
export function ArticleForm({
  article,
  onSave,
  saving,
}: {
  article?: Article;
  onSave: (input: ArticleInput) => Promise<unknown>;
  saving: boolean;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const content = useRef<JSONContent | undefined>(article?.content as JSONContent | undefined);
  const [rest, setRest] = useState<string[]>([]);

  const submit = async (values: Values) => {
    setRest([]);
    const doc = content.current ?? { type: 'doc', content: [{ type: 'paragraph' }] };
    try {
      await onSave({ ...values, content: doc as ArticleInput['content'] });
    } catch (error) {
      setRest(showFieldErrors(form, error as Error, FIELDS));
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={
        article
          ? { title: article.title, slug: article.slug, category: article.category, summary: article.summary }
          : { category: 'policy' }
      }
      onFinish={submit}
    >
      <Form.Item name="title" label={t('articles.title')} rules={[{ required: true, message: t('articles.required') }]}>
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item
        name="slug"
        label={t('articles.slug')}
        extra={t('articles.slugHint')}
        rules={[{ required: true, message: t('articles.required') }]}
      >
        <Input maxLength={80} />
      </Form.Item>
      <Form.Item name="category" label={t('articles.category')}>
        <Select options={ARTICLE_CATEGORIES.map((c) => ({ value: c, label: t(`articles.categories.${c}`) }))} />
      </Form.Item>
      <Form.Item name="summary" label={t('articles.summary')}>
        <Input.TextArea maxLength={300} autoSize={{ minRows: 2 }} />
      </Form.Item>
      <Form.Item label={t('articles.content')} extra={t('articles.pasteHint')}>
        <ArticleEditor initial={article?.content as JSONContent | undefined} onChange={(doc) => (content.current = doc)} />
      </Form.Item>
      {rest.length > 0 && <Alert type="error" showIcon title={rest.join('；')} style={{ marginBottom: 12 }} data-testid="error" />}
      <Button type="primary" htmlType="submit" loading={saving}>
        {t('articles.save')}
      </Button>
    </Form>
  );
}
