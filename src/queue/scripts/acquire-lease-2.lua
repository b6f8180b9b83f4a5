-- Take a free partition lease with a fresh fencing token.
-- Input:  KEYS[1] lease key, KEYS[2] fence counter; ARGV[1] worker id, ARGV[2] lease TTL ms
-- Output: the lease value "<worker>:<token>", or false when the partition is owned
if redis.call('EXISTS', KEYS[1]) == 1 then return false end
local value = ARGV[1] .. ':' .. redis.call('INCR', KEYS[2])
redis.call('SET', KEYS[1], value, 'PX', ARGV[2])
return value
