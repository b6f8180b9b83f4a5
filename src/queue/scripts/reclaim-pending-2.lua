-- Take over the partition's pending entries, whichever consumer holds them, fenced by the lease.
-- Input:  KEYS[1] lease key, KEYS[2] inbound stream
--         ARGV[1] lease value, ARGV[2] consumer group, ARGV[3] consumer, ARGV[4] min idle ms,
--         ARGV[5] first id (inclusive), ARGV[6] count
-- Output: false when the lease is lost, else the claimed entries in id order (at most count)
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return false end
local claimed = {}
local cursor = ARGV[5]
local want = tonumber(ARGV[6])
-- XAUTOCLAIM scans at most 10 x COUNT pending entries per call; a few calls cover a long list.
for _ = 1, 20 do
  local reply = redis.call('XAUTOCLAIM', KEYS[2], ARGV[2], ARGV[3], ARGV[4], cursor, 'COUNT', want - #claimed)
  for _, entry in ipairs(reply[2]) do claimed[#claimed + 1] = entry end
  cursor = reply[1]
  if cursor == '0-0' or #claimed >= want then break end
end
return claimed
