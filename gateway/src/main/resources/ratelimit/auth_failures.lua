-- Counts one failed authentication of a client address in a fixed window, atomically.
-- KEYS[1]  the address's counter
-- ARGV[1]  the window, ms
-- Returns {failures counted in this window, ms until the window ends}
local window = tonumber(ARGV[1])
local failures = redis.call('INCR', KEYS[1])
local left = redis.call('PTTL', KEYS[1])
if left < 0 then
  redis.call('PEXPIRE', KEYS[1], window)
  left = window
end
return {failures, left}
