-- wrk: nearest-point queries from random origins over Hanoi (the same sequence every run).
-- HCC_IDENTITY, when set, is sent as the gateway's identity token (for calling the BFF directly).
math.randomseed(42)
local token = os.getenv("HCC_IDENTITY")

request = function()
  local lat = 20.56 + math.random() * 0.83
  local lon = 105.29 + math.random() * 0.73
  local path = string.format("/api/v1/points/nearest?lat=%.5f&lon=%.5f&limit=5", lat, lon)
  if token ~= nil and token ~= "" then
    return wrk.format("GET", path, { ["X-Hcc-Identity"] = token })
  end
  return wrk.format("GET", path)
end
