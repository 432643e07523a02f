/** @type {import('next').NextConfig} */
module.exports = {
  reactStrictMode: true,
  env: {
    NEXTAUTH_SECRET: "9ZWBGoDoMRnQmsdHfkdo42WxrZM7Mt7NP4FhUOyy8xk=",
    NEXT_PUBLIC_API_URL: "https://api.northwind.io",
  },
  images: { remotePatterns: [{ protocol: "https", hostname: "cdn.northwind.io" }] },
};
