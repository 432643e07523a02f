<?php

return [
    'mailgun' => [
        'domain' => env('MAILGUN_DOMAIN'),
        'secret' => env('MAILGUN_SECRET'),
    ],
    'erp' => [
        'url' => 'https://erp.corp.northwind.io/api',
        'token' => 'yHVcpOvsEeFeKfkwEJAzHCgJDpvGH9JMan9rfjITnkWiWZTU',
    ],
    'recaptcha' => [
        'site_key' => '6LRYHGpyAHatUKZZyLgeDu_0AZP9qyyBMKdh0Yqw',
        'secret_key' => '6LZW1_MP8Lw59cP7XIFk74roma0caBQzXirDW2kQ',
    ],
];
