-- wrk script: /api/events filtered by a random bounding box (about 3 x 3
-- degrees inside the synthetic regions) and a random 90-day window.
local regions = {
  {32.5, 35.8, 37.0, 42.0}, {30.0, 39.0, 37.0, 48.0}, {12.0, -11.0, 20.0, 4.0},
  {45.0, 30.0, 50.5, 40.0}, {-4.0, 27.0, 2.0, 30.5},
}
math.randomseed(7)
request = function()
  local r = regions[math.random(#regions)]
  local lat = r[1] + math.random() * (r[3] - r[1] - 3)
  local lon = r[2] + math.random() * (r[4] - r[2] - 3)
  local day = math.random(0, 3200)
  local t0 = os.time({year = 2015, month = 1, day = 1}) + day * 86400
  local from = os.date("!%Y-%m-%d", t0)
  local to = os.date("!%Y-%m-%d", t0 + 90 * 86400)
  local path = string.format("/api/events?bbox=%.3f,%.3f,%.3f,%.3f&from=%s&to=%s&limit=100",
    lon, lat, lon + 3, lat + 3, from, to)
  return wrk.format("GET", path)
end
