-- A token bucket and, optionally, a daily quota, checked and charged atomically.
-- KEYS[1]  the bucket (hash: t = tokens left, ts = last refill, ms)
-- KEYS[2]  the quota counter of the day (ignored when ARGV[3] is 0)
-- ARGV[1]  capacity (burst), ARGV[2] refill in tokens per second,
-- ARGV[3]  daily quota (0: none), ARGV[4] seconds until the quota resets
-- ARGV[5]  tokens wanted (a replica's lease: the first is this request's, the rest its next ones');
--          as many as the bucket and the quota hold are granted, at least one or none
-- Returns {allowed (1/0), tokens left, retry after ms, ms until the bucket is full, quota used, granted}
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local quota = tonumber(ARGV[3])
local quota_ttl = tonumber(ARGV[4])
local wanted = tonumber(ARGV[5] or '1')

local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)

local state = redis.call('HMGET', KEYS[1], 't', 'ts')
local tokens = tonumber(state[1]) or capacity
local last = tonumber(state[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - last) * rate / 1000)

local used = 0
if quota > 0 then
  used = tonumber(redis.call('GET', KEYS[2]) or '0')
end

local allowed = 1
local retry = 0
local granted = 0
if quota > 0 and used >= quota then
  allowed = 0
  retry = quota_ttl * 1000
elseif tokens < 1 then
  allowed = 0
  retry = math.ceil((1 - tokens) * 1000 / rate)
else
  granted = math.min(wanted, math.floor(tokens))
  if quota > 0 then
    granted = math.min(granted, quota - used)
  end
  tokens = tokens - granted
  if quota > 0 then
    used = redis.call('INCRBY', KEYS[2], granted)
    if used == granted then
      redis.call('EXPIRE', KEYS[2], quota_ttl + 3600)
    end
  end
end

redis.call('HSET', KEYS[1], 't', tostring(tokens), 'ts', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity * 1000 / rate) + 1000)
local reset = math.ceil((capacity - tokens) * 1000 / rate)
return {allowed, math.floor(tokens), retry, reset, used, granted}
