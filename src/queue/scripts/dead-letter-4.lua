-- Move a failing entry to the dead-letter stream and acknowledge it, fenced by the partition lease.
-- Input:  KEYS[1] lease key, KEYS[2] inbound stream, KEYS[3] dead-letter stream, KEYS[4] attempts hash
--         ARGV[1] lease value, ARGV[2] consumer group, ARGV[3] entry id, ARGV[4] message JSON,
--         ARGV[5] error, ARGV[6] attempts, ARGV[7] partition, ARGV[8] failed-at ISO time
-- Output: 1 moved, 0 lease lost
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('XADD', KEYS[3], '*', 'm', ARGV[4], 'error', ARGV[5], 'attempts', ARGV[6], 'partition', ARGV[7], 'at', ARGV[8])
redis.call('XACK', KEYS[2], ARGV[2], ARGV[3])
redis.call('XDEL', KEYS[2], ARGV[3])
redis.call('HDEL', KEYS[4], ARGV[3])
return 1
