-- Take the outbox sender lease, or extend it when we hold it already: one round trip per read.
-- Input:  KEYS[1] sender lease key; ARGV[1] sender (consumer) id, ARGV[2] lease TTL ms
-- Output: 2 acquired (it was free), 1 renewed (we held it), 0 another sender holds it
local holder = redis.call('GET', KEYS[1])
if not holder then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 2
end
if holder == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0
