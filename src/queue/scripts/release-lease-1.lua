-- Release a lease only if we still hold it.
-- Input:  KEYS[1] lease key; ARGV[1] lease value
-- Output: 1 released, 0 not ours
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0
