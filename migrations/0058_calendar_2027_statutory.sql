-- 2027 until the State Council's notice on its holiday arrangement is entered: the 13 statutory
-- holidays every year has (全国年节及纪念日放假办法, as revised in 2024), without the bridged days
-- and weekend working days (调休) that only the notice sets. Deadlines that run into January then
-- skip New Year's Day and the Spring Festival instead of counting them as working days. The lunar
-- dates were computed from the lunar calendar (除夕 2027-02-05 is the last day of the twelfth
-- month; 端午 5/5 and 中秋 8/15 fall on 06-09 and 09-15; 清明 is the solar term of 04-05).
-- The admin replaces the whole year from the calendar page once the notice is out.
insert into calendar_years (year, source, updated_at) values
  (2027, '全国年节及纪念日放假办法规定的法定节假日（调休安排待国务院办公厅通知公布后替换）', now())
on conflict (year) do nothing;

insert into calendar_days (day, kind, name, year)
select d.day, 'holiday', d.name, 2027 from (values
  (date '2027-01-01', '元旦'),
  (date '2027-02-05', '春节'),
  (date '2027-02-06', '春节'),
  (date '2027-02-07', '春节'),
  (date '2027-02-08', '春节'),
  (date '2027-04-05', '清明'),
  (date '2027-05-01', '劳动节'),
  (date '2027-05-02', '劳动节'),
  (date '2027-06-09', '端午'),
  (date '2027-09-15', '中秋'),
  (date '2027-10-01', '国庆节'),
  (date '2027-10-02', '国庆节'),
  (date '2027-10-03', '国庆节')
) as d (day, name)
-- An admin who entered the notice before this release keeps it.
where not exists (select 1 from calendar_days c where c.year = 2027);
