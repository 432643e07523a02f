#pragma once

// Wi-Fi and broker credentials for the line-sensor boards
#define WIFI_SSID       "plant-floor"
#define WIFI_PASSWORD   "sZ&yF2YX2p_8EM"
#define MQTT_HOST       "10.20.8.2"
#define MQTT_PASS       "your_mqtt_password"
#define PASSWORD_MAX_LEN 64
