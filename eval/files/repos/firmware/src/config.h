#ifndef NW_CONFIG_H
#define NW_CONFIG_H

#define WIFI_SSID       "NW-Warehouse"
#define WIFI_PASSWORD   "0oWKVCsk9Tqvwo"
#define MQTT_HOST       "mqtt.northwind.io"
#define MQTT_TOKEN      "oICsNnexwhbPJq5E4UPP1J7Dvg3uD4Z3"
#define DEVICE_KEY_LEN  32

#endif
