-- Guests of the seed 002 and 003 rooms (parley.rooms.guests.enabled): display
-- names without an account. Messages need a sender (messages.sender_id
-- references users), so each guest name gets one users row of its own, in a
-- range no token can claim: account ids are a token's positive "sub", guest ids
-- are negative and come from this sequence. The same name reconnecting, in any
-- room, is the same guest row, so its history keeps one sender.
CREATE SEQUENCE guest_user_ids INCREMENT BY -1 MINVALUE -9223372036854775808 MAXVALUE -1 START WITH -1;

ALTER TABLE users ADD COLUMN guest BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE users ADD CONSTRAINT users_guest_ids CHECK (guest = (id < 0));
-- One row per guest name: the upsert of a guest finds its row by name.
CREATE UNIQUE INDEX users_guest_name ON users (username) WHERE guest;
