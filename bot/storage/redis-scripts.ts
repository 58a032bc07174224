/**
 * The Lua scripts that make Redis writes atomic: Redis runs a script to completion before any other
 * command, so the version check, the write, the index entries and the appends happen as one step.
 * Layout under the namespace `ns`: `ns::collection:id` (keyv's record), `ns::~indexed:collection:id`
 * (the document's current index entries, JSON), `ns::~index:collection:index:key` (a sorted set of
 * `sort NUL id`, all score 0, so ZRANGEBYLEX orders by sort then id) and `ns::~stream:name` (a list).
 * Old index sets are found through `~indexed`, so the scripts suit a single Redis, not a cluster.
 */

/** Lua: is the stored keyv record `raw` at version `expected`? */
const VERSION_MATCHES = `
local function version_matches(raw, expected)
  local ok, record = pcall(cjson.decode, raw)
  return ok and type(record) == 'table' and type(record.value) == 'table' and record.value.version == expected
end
local function unindex(indexed_key)
  local old = redis.call('GET', indexed_key)
  if old then
    for _, entry in ipairs(cjson.decode(old)) do redis.call('ZREM', entry[1], entry[2]) end
  end
end
`;

/**
 * KEYS: document, its ~indexed key, one sorted set per index entry, one list per append, then for each document
 * created with the write (when absent): its key, its ~indexed key and one sorted set per index entry.
 * ARGV: mode ('create' | 'any' | 'match'), expected version, encoded document, index entry count, append count,
 * created document count, one member per index entry, one event per append, then for each created document:
 * its encoded record, its index entry count and one member per entry. Returns {1} or {0, current record or nil}.
 */
export const PUT_SCRIPT = `${VERSION_MATCHES}
local current = redis.call('GET', KEYS[1])
local mode = ARGV[1]
if mode == 'create' and current then return {0, current} end
if mode == 'match' then
  if not current then return {0} end
  if not version_matches(current, ARGV[2]) then return {0, current} end
end
local function write(doc_key, indexed_key, encoded, first_key, first_arg, count)
  unindex(indexed_key)
  redis.call('SET', doc_key, encoded)
  local indexed = {}
  for i = 1, count do
    redis.call('ZADD', KEYS[first_key + i], 0, ARGV[first_arg + i])
    indexed[i] = {KEYS[first_key + i], ARGV[first_arg + i]}
  end
  if count > 0 then redis.call('SET', indexed_key, cjson.encode(indexed)) else redis.call('DEL', indexed_key) end
end
local index_count = tonumber(ARGV[4])
local append_count = tonumber(ARGV[5])
local create_count = tonumber(ARGV[6])
write(KEYS[1], KEYS[2], ARGV[3], 2, 6, index_count)
for j = 1, append_count do redis.call('RPUSH', KEYS[2 + index_count + j], ARGV[6 + index_count + j]) end
local k = 2 + index_count + append_count
local a = 6 + index_count + append_count
for _ = 1, create_count do
  local entries = tonumber(ARGV[a + 2])
  if redis.call('EXISTS', KEYS[k + 1]) == 0 then write(KEYS[k + 1], KEYS[k + 2], ARGV[a + 1], k + 2, a + 2, entries) end
  k = k + 2 + entries
  a = a + 2 + entries
end
return {1}
`;

/**
 * KEYS: document, its ~indexed key, one list per append. ARGV: expected version or '*', one event per append.
 * Returns {1, removed record} or {0, current record or nil}.
 */
export const REMOVE_SCRIPT = `${VERSION_MATCHES}
local current = redis.call('GET', KEYS[1])
if not current then return {0} end
if ARGV[1] ~= '*' and not version_matches(current, ARGV[1]) then return {0, current} end
unindex(KEYS[2])
redis.call('DEL', KEYS[1], KEYS[2])
for j = 3, #KEYS do redis.call('RPUSH', KEYS[j], ARGV[j - 1]) end
return {1, current}
`;

/**
 * KEYS: one sorted set. ARGV: lex min, lex max, limit (-1: all), document key prefix, 'asc' or 'desc'.
 * Returns the stored records in order; read in one step so no entry points at a document changed since.
 */
export const LIST_SCRIPT = `
local members
local command, low, high = 'ZRANGEBYLEX', ARGV[1], ARGV[2]
if ARGV[5] == 'desc' then command, low, high = 'ZREVRANGEBYLEX', ARGV[2], ARGV[1] end
if tonumber(ARGV[3]) >= 0 then
  members = redis.call(command, KEYS[1], low, high, 'LIMIT', 0, tonumber(ARGV[3]))
else
  members = redis.call(command, KEYS[1], low, high)
end
local records = {}
for _, member in ipairs(members) do
  local nul = string.find(member, '\\0', 1, true)
  local record = redis.call('GET', ARGV[4] .. string.sub(member, nul + 1))
  if record then records[#records + 1] = record end
end
return records
`;
