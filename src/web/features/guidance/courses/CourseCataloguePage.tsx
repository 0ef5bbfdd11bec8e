import { Card, Empty, Flex, InputNumber, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError, PageLoading } from '../../../components/PageStatus';
import { shanghaiMinute } from '../../subsidies/applications/format';
import type { CourseFilter } from './api';
import { CourseTags } from './labels';
import { useCourses } from './queries';

/** 课程与讲座: the guidance center's classes, lectures and parent classes, by a child's age. */
export default function CourseCataloguePage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<CourseFilter>({});
  const courses = useCourses(filter);
  return (
    <Flex vertical gap={16} style={{ maxWidth: 820 }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('courses.catalogueTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('courses.catalogueIntro')}
      </Typography.Paragraph>
      <Flex gap={12} wrap align="center">
        <Radio.Group
          optionType="button"
          value={filter.audience ?? 'all'}
          onChange={(e) => setFilter({ ...filter, audience: e.target.value === 'all' ? undefined : e.target.value })}
          options={[
            { value: 'all', label: t('courses.all') },
            { value: 'child', label: t('courses.audience.child') },
            { value: 'parent', label: t('courses.audience.parent') },
          ]}
        />
        <InputNumber
          data-testid="age-filter"
          min={0}
          max={72}
          placeholder={t('courses.ageFilter')}
          addonAfter={t('courses.months')}
          value={filter.ageMonths ?? null}
          onChange={(v) => setFilter({ ...filter, ageMonths: typeof v === 'number' ? v : undefined })}
          style={{ width: 200 }}
        />
      </Flex>
      {courses.isPending ? (
        <PageLoading />
      ) : courses.isError ? (
        <LoadError error={courses.error} onRetry={() => void courses.refetch()} />
      ) : courses.data.items.length === 0 ? (
        <Empty description={t('courses.none')} />
      ) : (
        courses.data.items.map((c) => (
          <Card key={c.id} size="small" data-testid="course-card">
            <Link to={`/courses/${c.id}`}>
              <Typography.Text strong style={{ fontSize: 16 }}>
                {c.title}
              </Typography.Text>
            </Link>
            <div style={{ margin: '6px 0' }}>
              <CourseTags course={c} />
            </div>
            {c.nextSessionAt && (
              <Typography.Text type="secondary">{t('courses.nextSession', { at: shanghaiMinute(c.nextSessionAt) })}</Typography.Text>
            )}
          </Card>
        ))
      )}
    </Flex>
  );
}
