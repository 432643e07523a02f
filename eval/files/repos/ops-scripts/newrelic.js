'use strict'
exports.config = {
  app_name: ['billing-service'],
  license_key: '2a039a152a822dd9ce30540d98d788668cc8NRAL',
  logging: { level: 'info' },
  allow_all_headers: true,
}
