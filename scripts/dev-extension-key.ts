/**
 * A fixed id for development builds (dist/chrome, loaded unpacked), so the
 * policy examples in README "For IT" and the policy tests name the extension
 * as written. Chrome derives an unpacked extension's id from the manifest's
 * `key` (a public key: the first 128 bits of its SHA-256, as letters a-p);
 * without one, from the folder's path. The store packages carry no key
 * (scripts/release-packages.ts drops it): the Chrome Web Store and Edge
 * Add-ons give the published extension its own id.
 */
export const DEV_EXTENSION_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAv9kvGcjwwL+PoLu6dNVmP+AaOdxssqTAHWu3xib83hfK2HW2AwX1cozFlra2Wrk3JUzxwnNcDhslGHeNDAXJ2wt5OfNj6lhDGEBgxbStS98i2Oe9lQWiPkXcJrjAZwXsFmHfZNqgFyEtDfX7VSvCKNfkp/RYEku8poOcxnmgDVoQfkgqe8KnkrrpGd9GV/GNh11ebxASyyPNwCbfwuaRanhpUSo1TnGyZ9t8Aw8VpuHmdezsNNnTFK0F905lny2+SnrgsGUlC2SU5TLxNW+lENGX9+VmXTzys3hxWJjIQMHxgiM+XsDgBZK/GJ/4FB0FfhOids+G1IlBPjV67KAb/wIDAQAB';

export const DEV_EXTENSION_ID = 'ammpikilfegpaegmghgifoihknlgpidi';
