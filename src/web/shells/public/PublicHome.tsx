import { Button, Col, Flex, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Panel } from '../../components/Panel';

const heroStyle = {
  background: 'linear-gradient(135deg, #e6f4ff 0%, #f6ffed 100%)',
  borderRadius: 12,
  padding: 'clamp(20px, 5vw, 48px)',
  marginBottom: 24,
} as const;

/** What tuoyu is, for anyone: families first, then institutions and officials. */
export default function PublicHome() {
  const { t } = useTranslation();

  const audiences = [
    {
      key: 'families',
      title: t('publicHome.findCareTitle'),
      body: t('publicHome.findCareBody'),
      action: (
        <Link to="/search">
          <Button type="primary">{t('publicHome.findCareAction')}</Button>
        </Link>
      ),
    },
    {
      key: 'parents',
      title: t('publicHome.familiesTitle'),
      body: t('publicHome.familiesBody'),
      action: (
        <Flex wrap gap={8}>
          <Link to="/signup">
            <Button type="primary">{t('publicHome.signUpAction')}</Button>
          </Link>
          <Link to="/login">
            <Button>{t('publicHome.signInAction')}</Button>
          </Link>
        </Flex>
      ),
    },
    {
      key: 'institutions',
      title: t('publicHome.institutionsTitle'),
      body: t('publicHome.institutionsBody'),
      action: (
        <Link to="/login">
          <Button>{t('publicHome.signInAction')}</Button>
        </Link>
      ),
    },
    {
      key: 'officials',
      title: t('publicHome.officialsTitle'),
      body: t('publicHome.officialsBody'),
      action: (
        <Link to="/login">
          <Button>{t('publicHome.signInAction')}</Button>
        </Link>
      ),
    },
  ];

  return (
    <>
      <section style={heroStyle}>
        <Typography.Title level={1} style={{ marginTop: 0, fontSize: 'clamp(24px, 6vw, 36px)' }}>
          {t('publicHome.title')}
        </Typography.Title>
        <Typography.Paragraph style={{ fontSize: 16, maxWidth: 720 }}>{t('publicHome.lead')}</Typography.Paragraph>
        <Flex wrap gap={12}>
          <Link to="/search">
            <Button type="primary" size="large">
              {t('publicHome.findCareAction')}
            </Button>
          </Link>
          <Link to="/signup">
            <Button size="large">{t('publicHome.signUpAction')}</Button>
          </Link>
          <Link to="/login">
            <Button size="large">{t('publicHome.signInAction')}</Button>
          </Link>
        </Flex>
      </section>

      <Row gutter={[16, 16]}>
        {audiences.map((audience) => (
          <Col key={audience.key} xs={24} sm={12} lg={6}>
            <Panel
              title={audience.title}
              style={{ height: '100%', display: 'flex', flexDirection: 'column' }}
              bodyStyle={{ flex: 1, display: 'flex', flexDirection: 'column', gap: 16 }}
            >
              <Typography.Paragraph style={{ flex: 1, marginBottom: 0 }}>{audience.body}</Typography.Paragraph>
              <div>{audience.action}</div>
            </Panel>
          </Col>
        ))}
      </Row>

      <Panel title={t('publicHome.healthTitle')} style={{ marginTop: 24 }} testId="health-tools">
        <Typography.Paragraph>{t('publicHome.healthBody')}</Typography.Paragraph>
        <Flex wrap gap={12}>
          <Link to="/growth">
            <Button type="primary">{t('publicHome.growthAction')}</Button>
          </Link>
          <Link to="/health-checks">
            <Button>{t('publicHome.checksAction')}</Button>
          </Link>
        </Flex>
      </Panel>

      <Panel title={t('publicHome.articlesTitle')} style={{ marginTop: 24 }} testId="articles-card">
        <Typography.Paragraph>{t('publicHome.articlesBody')}</Typography.Paragraph>
        <Flex wrap gap={12}>
          <Link to="/articles?category=policy">
            <Button>{t('articles.categories.policy')}</Button>
          </Link>
          <Link to="/articles?category=parenting">
            <Button>{t('articles.categories.parenting')}</Button>
          </Link>
          <Link to="/articles">
            <Button type="primary">{t('publicHome.articlesAction')}</Button>
          </Link>
        </Flex>
      </Panel>

      <Panel title={t('publicHome.goalsTitle')} style={{ marginTop: 24 }}>
        <ul style={{ margin: 0, paddingInlineStart: 20, lineHeight: 2 }}>
          <li>{t('publicHome.goalPlaces')}</li>
          <li>{t('publicHome.goalCoverage')}</li>
        </ul>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('publicHome.principles')}
        </Typography.Paragraph>
      </Panel>
    </>
  );
}
