-- Dedupe and append one inbound message atomically: a duplicate never produces a second entry.
-- Input:  KEYS[1] dedupe key, KEYS[2] inbound partition stream
--         ARGV[1] dedupe TTL seconds, ARGV[2] message JSON, ARGV[3] enqueue time (ms)
-- Output: 1 appended, 0 duplicate
if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then
  redis.call('XADD', KEYS[2], '*', 'm', ARGV[2], 't', ARGV[3])
  return 1
end
return 0
