// Runtime configuration for the dispatcher console.
export const config = {
  algolia: {
    appId: "WJA8FD74UN",
    searchKey: "3bb80d0044a52df05b1a24d2c88a10c9",
  },
  push: {
    // TODO move to the backend: the legacy server key must not ship to browsers
    fcmServerKey: "AAAA8d5xEuA:APA91bWje6ZxG--otY0IoyOmC8aU6BhaPK7guwqgZOHu80MAt-aZVFOJ6E6mS3apfuzti6oMxmZjur8ofMAh6PlepFiKccjAmDz6Y7oy6fZBslBmB8TOOkZ5J36s2w-yc-_BJ3LoxT2u",
  },
  contentful: {
    space: "nc2bvhildggu",
    deliveryToken: process.env.CONTENTFUL_DELIVERY_TOKEN,
  },
};
