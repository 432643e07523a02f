import contentful from "contentful-management";

const client = contentful.createClient({ accessToken: "CFPAT-6Yk9ji3dJ90h1O2WRYvtgklKNXa8Rf9UpZE05a5gwc7" });
const space = await client.getSpace("RR2FPmCLUZcx");
const env = await space.getEnvironment("master");
console.log((await env.getContentTypes()).items.length);
