import Link from '@tiptap/extension-link';
import { EditorContent, type JSONContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { Button, Flex, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cleanPastedHtml } from './api';
import './article.css';

type Props = { initial?: JSONContent; onChange: (doc: JSONContent) => void };

/**
 * The article editor: only the node and mark types the server accepts (no images, code or
 * headings above level 2). Pasted HTML goes through the server's sanitiser before the editor
 * takes it, so what is pasted is what the article allowlist lets through, nothing more.
 */
export function ArticleEditor({ initial, onChange }: Props) {
  const { t } = useTranslation();
  const [href, setHref] = useState('');
  const editor = useEditor({
    extensions: [
      StarterKit.configure({ heading: { levels: [2, 3] }, code: false, codeBlock: false, link: false }),
      Link.configure({
        openOnClick: false,
        autolink: false,
        protocols: [],
        HTMLAttributes: { rel: 'nofollow noopener ugc', target: '_blank' },
      }),
    ],
    content: initial ?? '',
    onUpdate: ({ editor: e }) => onChange(e.getJSON()),
    editorProps: {
      attributes: { class: 'article-body article-editor', 'data-testid': 'article-editor', 'aria-label': t('articles.content') },
      handlePaste: (_view, event) => {
        const html = event.clipboardData?.getData('text/html');
        if (!html) return false;
        event.preventDefault();
        void cleanPastedHtml(html).then((clean) => editor?.chain().focus().insertContent(clean.html).run());
        return true;
      },
    },
  });
  if (!editor) return null;
  const mark = (name: string, run: () => void, label: string) => (
    <Button size="small" type={editor.isActive(name) ? 'primary' : 'default'} onClick={run}>
      {label}
    </Button>
  );
  return (
    <Flex vertical gap={8}>
      <Space wrap size={4}>
        {mark('bold', () => editor.chain().focus().toggleBold().run(), t('articles.toolbar.bold'))}
        {mark('italic', () => editor.chain().focus().toggleItalic().run(), t('articles.toolbar.italic'))}
        {mark('heading', () => editor.chain().focus().toggleHeading({ level: 2 }).run(), t('articles.toolbar.heading'))}
        {mark('bulletList', () => editor.chain().focus().toggleBulletList().run(), t('articles.toolbar.list'))}
        {mark('blockquote', () => editor.chain().focus().toggleBlockquote().run(), t('articles.toolbar.quote'))}
        <Space.Compact>
          <Input size="small" placeholder="https://…" value={href} onChange={(e) => setHref(e.target.value)} style={{ width: 180 }} />
          <Button
            size="small"
            onClick={() => {
              if (href.trim()) editor.chain().focus().extendMarkRange('link').setLink({ href: href.trim() }).run();
              else editor.chain().focus().unsetLink().run();
            }}
          >
            {t('articles.toolbar.link')}
          </Button>
        </Space.Compact>
      </Space>
      <EditorContent editor={editor} />
    </Flex>
  );
}
