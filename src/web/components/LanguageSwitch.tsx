import { useQueryClient } from '@tanstack/react-query';
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage, LANGUAGES, type Language } from '../i18n';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const onChange = async (lang: Language) => {
    await changeLanguage(lang);
    // Server texts (error messages, later localized names) were fetched in the old language.
    await queryClient.invalidateQueries();
  };
  return (
    <Segmented<Language>
      size="small"
      aria-label={t('lang.label')}
      value={currentLanguage()}
      onChange={(value) => void onChange(value)}
      options={LANGUAGES.map((lang) => ({ value: lang, label: <span lang={lang}>{t(`lang.${lang}`)}</span> }))}
    />
  );
}
