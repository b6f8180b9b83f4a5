-- Extend a lease only if we still hold it.
-- Input:  KEYS[1] lease key; ARGV[1] lease value, ARGV[2] lease TTL ms
-- Output: 1 renewed, 0 lost
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0
