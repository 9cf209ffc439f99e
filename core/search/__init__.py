"""Site-wide search: news articles, events, member cities and documents in one index.

Chinese text is segmented with jieba; on PostgreSQL the words are stored as a weighted tsvector
(title A, summary B, body C) with a GIN index, on SQLite as a plain list of words.
"""
