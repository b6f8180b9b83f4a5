-- Read new entries only from partitions whose lease we still hold, in the same atomic step: a worker
-- that lost a lease can never take entries into its pending list that it will not handle.
-- Input:  KEYS lease_1, stream_1, lease_2, stream_2, ...
--         ARGV[1] consumer group, ARGV[2] consumer, ARGV[3] count, ARGV[4] count per partition,
--         ARGV[4+i] lease value of partition i
-- A partition gives at most its share of the count (its entries run one at a time anyway), so a busy
-- partition never starves the others.
-- Output: { entries per partition (false when its lease is lost), newest id per partition }
--         The newest id of a partition read to its end ('' when it was not, or has more) lets the
--         caller block on XREAD for what comes next.
local group, consumer = ARGV[1], ARGV[2]
local left = tonumber(ARGV[3])
local each = tonumber(ARGV[4])
local read, newest = {}, {}
local partitions = #KEYS / 2
for i = 1, partitions do
  newest[i] = ''
  if redis.call('GET', KEYS[2 * i - 1]) ~= ARGV[4 + i] then
    read[i] = false
  else
    local entries = {}
    if left > 0 then
      local asked = math.min(left, each)
      local reply = redis.call('XREADGROUP', 'GROUP', group, consumer, 'COUNT', asked, 'STREAMS', KEYS[2 * i], '>')
      if reply then
        entries = reply[1][2]
        left = left - #entries
      end
      -- Fewer than asked: read to the end. The last entry read is the newest ('>' gives entries no one had).
      if #entries < asked then
        if #entries > 0 then
          newest[i] = entries[#entries][1]
        else
          local last = redis.call('XREVRANGE', KEYS[2 * i], '+', '-', 'COUNT', 1)
          newest[i] = last[1] and last[1][1] or '0-0'
        end
      end
    end
    read[i] = entries
  end
end
return { read, newest }
