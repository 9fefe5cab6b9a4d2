console.log('cs');
