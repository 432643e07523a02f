const session = require("express-session");
const RedisStore = require("connect-redis").default;

module.exports = session({
  store: new RedisStore({ client: require("./redis") }),
  secret: "P_V_hLJ8sQJA_pZ-VkxyjD4A3p_DyEB2Dk8ILujIc5Y",
  name: "nw.sid",
  resave: false,
  saveUninitialized: false,
  cookie: { secure: true, httpOnly: true, maxAge: 1000 * 60 * 60 * 24 * 7 },
});
