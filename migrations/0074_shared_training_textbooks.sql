-- One textbook for several trainings: the city's director training textbook (负责人培训教材) is one
-- free book used by every director training, attached to each without uploading its bytes again.
-- Several rows may now name one stored file; the file is removed only once no row names it, which
-- the index finds.
alter table training_textbooks drop constraint training_textbooks_storage_key_key;
create index training_textbooks_storage_key on training_textbooks (storage_key);
