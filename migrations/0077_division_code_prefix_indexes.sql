-- Indicators read a division's part of the tree and its population by code prefix (codes nest:
-- "inside X" is "starts with X's prefix"). The primary keys cannot serve LIKE 'prefix%' under the
-- database's collation, so a township's answer scanned every division and every population
-- figure of the province, or of the nation on a national deployment.
create index divisions_code_prefix_idx on divisions (code text_pattern_ops);
create index division_population_code_prefix_idx on division_population (division_code text_pattern_ops, year);
