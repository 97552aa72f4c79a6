-- An admin may delete a user: their tokens are refused from then on, and
-- their next login does not bring the account back.
ALTER TABLE users ADD COLUMN deleted_at TIMESTAMPTZ;
