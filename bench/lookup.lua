-- wrk: public dossier lookups (POST /api/v1/dossiers/lookup) of the receipts in RECEIPTS ("code,secret"
-- lines), in a random order that is the same every run. HCC_IDENTITY, when set, is sent as the
-- gateway's identity token (for calling the BFF, or nginx in front of it, directly).
math.randomseed(42)
local token = os.getenv("HCC_IDENTITY")
local bodies = {}
for line in io.lines(os.getenv("RECEIPTS")) do
  local code, secret = line:match("([^,]+),([^,]+)")
  bodies[#bodies + 1] = string.format('{"code":"%s","secret":"%s"}', code, secret)
end

request = function()
  local headers = { ["Content-Type"] = "application/json" }
  if token ~= nil and token ~= "" then
    headers["X-Hcc-Identity"] = token
  end
  return wrk.format("POST", "/api/v1/dossiers/lookup", headers, bodies[math.random(#bodies)])
end
