-- Queue a turn's replies and acknowledge its inbound entry, fenced by the partition lease.
-- An entry no longer in the stream was committed (or dead-lettered) already: its replies are not
-- queued a second time.
-- Input:  KEYS[1] lease key, KEYS[2] inbound stream, KEYS[3] outbound stream, KEYS[4] attempts hash
--         ARGV[1] lease value, ARGV[2] consumer group, ARGV[3] entry id, ARGV[4..n] reply JSONs
-- Output: 1 committed, 0 lease lost (nothing written), 2 already committed (only acknowledged)
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('XACK', KEYS[2], ARGV[2], ARGV[3])
redis.call('HDEL', KEYS[4], ARGV[3])
if redis.call('XDEL', KEYS[2], ARGV[3]) == 0 then return 2 end
for i = 4, #ARGV do
  redis.call('XADD', KEYS[3], '*', 'm', ARGV[i])
end
return 1
