-- Full-text search over message content (GET /api/v1/search).
--
-- Configuration 'simple': it lower-cases words and stems nothing. The platform's
-- users write Russian and English, often in one message; a language
-- configuration ('english', 'russian') would stem one language and mangle or
-- ignore the other, and it would drop stop words that matter in short chat lines.
-- 'simple' treats both alike: a word matches the same word in any case, not its
-- other forms. Case folding follows the database's LC_CTYPE: a UTF-8 locale
-- (C.UTF-8, en_US.UTF-8) folds Cyrillic, plain C only ASCII.
--
-- The parser would take anything from '<' to '>' for an XML tag and drop it
-- ("List<String> x", "a<b and c>d"), but chat is plain text: the text it parses
-- has '<' replaced by U+0001, a blank to the parser, which the snippet turns
-- back into '<'. U+0001 to U+0003 never occur in stored content (control
-- characters are stripped on the way in); they are removed here all the same,
-- because U+0002 and U+0003 mark the matches in snippets. The index and the
-- snippets call this one function, so they always see the same words.
CREATE FUNCTION message_search_text(content TEXT) RETURNS TEXT
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT translate(content, E'<\x01\x02\x03', E'\x01') $$;

-- Generated from content, so an edit re-indexes the message and a delete (content
-- NULL) leaves NULL, which matches no query. Adding the column rewrites the table
-- once, under an exclusive lock (see docs/architecture.md).
ALTER TABLE messages ADD COLUMN search TSVECTOR
    GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, message_search_text(content))) STORED;

CREATE INDEX messages_search ON messages USING GIN (search);
